import { request } from 'undici';

export const solafonUpdate = (updateId: number, text: string, user = { id: 42, name: 'Ada' }) => ({
  update_id: updateId,
  message_id: updateId,
  from: { id: user.id, email: `${user.name.toLowerCase()}@example.com`, name: user.name, language: 'en' },
  chat: { id: user.id, type: 'private' },
  date: 1704067200,
  text,
});

export async function postDelivery(
  receiverUrl: string,
  body: unknown,
  path = '/webhook',
): Promise<{ status: number; json: unknown }> {
  const res = await request(`${receiverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : null };
}
