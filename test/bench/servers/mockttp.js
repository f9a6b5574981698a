// The peer: mockttp (HTTP Toolkit's engine) answering 200 and recording every request, as its UI does.
import { getLocal } from 'mockttp';

const server = getLocal({ recordTraffic: true });
await server.start();
await server.forPost('/webhook').thenReply(200, '{"ok":true}', { 'content-type': 'application/json' });
console.log(`LISTENING ${server.port}`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
