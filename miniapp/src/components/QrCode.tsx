import { useMemo } from 'react';
import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './qr-code.css';

/** Medium error correction: still scans off a scratched screen or one with glare on it. */
export const QR_ERROR_CORRECTION = 'M';

interface DarkRun {
  start: number;
  length: number;
}

/** The library's matrix for the token, as the dark runs of each row (a few hundred views, not thousands). */
export function qrRows(token: string): { size: number; rows: DarkRun[][] } {
  // Type 0: the smallest version that holds the token.
  const qr = qrcode(0, QR_ERROR_CORRECTION);
  qr.addData(token);
  qr.make();
  const size = qr.getModuleCount();
  const rows: DarkRun[][] = [];
  for (let row = 0; row < size; row++) {
    const runs: DarkRun[] = [];
    for (let col = 0; col < size; col++) {
      if (!qr.isDark(row, col)) continue;
      const last = runs[runs.length - 1];
      if (last && last.start + last.length === col) last.length += 1;
      else runs.push({ start: col, length: 1 });
    }
    rows.push(runs);
  }
  return { size, rows };
}

const share = (modules: number, size: number) => `${((modules * 100) / size).toFixed(4)}%`;

/**
 * A QR code (a seat's check-in code, a PC's sign-in code), drawn with plain views so it renders the
 * same in WeChat and the browser, offline too. It grows with her font size up to the width of the
 * screen; the white frame is the quiet zone scanners need. `label` says what it is to a screen reader.
 */
export function QrCode({ token, label }: { token: string; label: string }) {
  const { size, rows } = useMemo(() => qrRows(token), [token]);
  return (
    <View className="qr-frame" aria-label={label}>
      <View className="qr-box">
        <View className="qr-grid">
          {rows.map((runs, row) => (
            <View key={row} className="qr-row">
              {runs.map((run, index) => {
                const gap = run.start - (index === 0 ? 0 : runs[index - 1].start + runs[index - 1].length);
                return (
                  <View
                    key={run.start}
                    className="qr-dark"
                    style={{ marginLeft: share(gap, size), width: share(run.length, size) }}
                  />
                );
              })}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}
