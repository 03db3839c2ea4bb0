import { useEffect, useState } from 'react';
import { qrCodeDataUrl } from './qrCode';

export type QrState = { kind: 'loading' } | { kind: 'ready'; src: string } | { kind: 'failed' };

/** The QR code of `text` as an image source, drawn in the background. */
export function useQrCode(text: string): QrState {
  const [state, setState] = useState<{ text: string; qr: QrState }>({
    text,
    qr: { kind: 'loading' },
  });
  useEffect(() => {
    let live = true;
    qrCodeDataUrl(text).then(
      (src) => {
        if (live) setState({ text, qr: { kind: 'ready', src } });
      },
      () => {
        if (live) setState({ text, qr: { kind: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [text]);
  return state.text === text ? state.qr : { kind: 'loading' };
}
