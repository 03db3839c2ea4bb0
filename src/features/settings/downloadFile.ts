/** Offers text as a file download via a temporary <a download>; the object URL is freed after. */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start reading the blob only after the click handler returned.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
