type QrModule = typeof import('qrcode');

/** The QR code of a text as an SVG data URL; the QR library is loaded only when first needed. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  // A CommonJS package: depending on the bundler its functions sit on `default` or on the module.
  const mod: QrModule & { default?: QrModule } = await import('qrcode');
  const qr = mod.default ?? mod;
  const svg = await qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
