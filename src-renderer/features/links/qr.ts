import { renderSVG } from 'uqr';

/**
 * The link's QR code as an image address. An <img> with a data: URL (the CSP
 * allows img-src data:) shows the SVG without putting markup into the page,
 * so nothing in it can run. Null when the text is too long for a QR code.
 */
export function qrImageSrc(text: string): string | null {
  try {
    return `data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(text, { border: 2 }))}`;
  } catch {
    return null;
  }
}
