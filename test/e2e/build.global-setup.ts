import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** End-to-end tests run the built app, exactly as `npm run serve` does. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/ensure-built.js', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; end-to-end tests need it.');
}
