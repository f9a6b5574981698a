// Reference: the ceiling for a durable receiver. node:http, JSON parsed, the
// raw body and a few fields written to SQLite in WAL mode, one transaction
// per turn of the event loop, the answer sent only after the commit, at the
// same durability as the inspector under test.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const durability = process.env.DURABILITY ?? 'full';
const dir = mkdtempSync(join(tmpdir(), 'bwi-bench-ref-'));
const db = new Database(join(dir, 'ref.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
db.exec(`CREATE TABLE deliveries (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, update_id INTEGER,
  text TEXT, body BLOB NOT NULL) STRICT`);
const insert = db.prepare('INSERT INTO deliveries (received_at, update_id, text, body) VALUES (?, ?, ?, ?)');
const commit = db.transaction((rows) => {
  for (const r of rows) insert.run(r.at, r.updateId, r.text, r.body);
});

let pending = [];
const flush = () => {
  const batch = pending;
  pending = [];
  commit(batch);
  for (const r of batch) r.res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
};

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
    if (pending.length === 0) setImmediate(flush);
    pending.push({
      at: Date.now(),
      updateId: Number.isSafeInteger(update.update_id) ? update.update_id : null,
      text: typeof update.text === 'string' ? update.text : null,
      body,
      res,
    });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`));
const stop = () => {
  server.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
