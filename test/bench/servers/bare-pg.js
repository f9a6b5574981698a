// Reference: the ceiling for a receiver on PostgreSQL. node:http, JSON
// parsed, the raw body and a few fields written with one multi-row INSERT
// for everything that arrived while the last one ran (one statement in
// flight, as the inspector's team server commits), the answer sent only
// after the commit. PG_URL names the database.
import { createServer } from 'node:http';
import postgres from 'postgres';

const sql = postgres(process.env.PG_URL, { max: 2, onnotice: () => undefined });
await sql`CREATE TABLE IF NOT EXISTS ref_deliveries (id bigserial PRIMARY KEY, received_at bigint NOT NULL,
  update_id bigint, text text, body bytea NOT NULL)`;

const pending = [];
let inFlight = false;
async function flush() {
  if (inFlight || pending.length === 0) return;
  inFlight = true;
  const batch = pending.splice(0, 2000);
  try {
    await sql`INSERT INTO ref_deliveries ${sql(
      batch.map((r) => ({ received_at: r.at, update_id: r.updateId, text: r.text, body: r.body })),
    )}`;
    for (const r of batch) r.res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  } catch {
    for (const r of batch) r.res.writeHead(503).end();
  } finally {
    inFlight = false;
    if (pending.length > 0) void flush();
  }
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    let update;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    pending.push({
      at: Date.now(),
      updateId: Number.isSafeInteger(update.update_id) ? update.update_id : null,
      text: typeof update.text === 'string' ? update.text : null,
      body,
      res,
    });
    if (!inFlight) setImmediate(flush);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
const stop = async () => {
  server.close();
  await sql.end({ timeout: 1 });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
