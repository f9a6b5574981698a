import { useMemo } from 'react';
import { qrImageSrc } from './qr';

/** The link as a QR code, to open it on a phone. */
export function LinkQr({ url }: { url: string }) {
  const src = useMemo(() => qrImageSrc(url), [url]);
  if (src === null) {
    return <p className="muted small">Too long for a QR code: shorten the options or params.</p>;
  }
  return (
    <img
      className="link-qr"
      data-testid="link-qr"
      src={src}
      width={180}
      height={180}
      alt="QR code of the signed link"
    />
  );
}
