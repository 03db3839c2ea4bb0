/**
 * The app's icon (public/icon.svg) drawn inline: an `<img>` of an SVG file makes the browser
 * build a separate SVG document for it, a noticeable task on a slow phone at start. index.html's
 * start screen draws the same paths.
 */
export function BrandIcon({ size }: { size: number }) {
  return (
    <svg
      className="brand-icon"
      viewBox="0 0 100 100"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <rect width="100" height="100" rx="18" fill="#1f4e79" />
      <path d="M14 70 A36 34 0 0 1 86 70" fill="none" stroke="#fff" strokeWidth="6" />
      <rect x="10" y="52" width="80" height="6" fill="#fff" />
      <rect x="17" y="52" width="6" height="28" fill="#fff" />
      <rect x="77" y="52" width="6" height="28" fill="#fff" />
    </svg>
  );
}
