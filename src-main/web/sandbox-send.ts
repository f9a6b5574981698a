import { request } from 'undici';

export interface SandboxSendOptions {
  sandboxUrl: string;
  userId: number;
  text: string;
  name?: string | undefined;
  language?: string | undefined;
  chatId?: number | undefined;
  /** A sandbox bot id; default: the sandbox's first bot. */
  bot?: string | undefined;
}

/** `sandbox send`: queues a simulated user's message through the running sandbox's control route. */
export async function sandboxSend(
  options: SandboxSendOptions,
): Promise<{ updateId: number; chatId: number }> {
  const url = `${options.sandboxUrl.replace(/\/+$/, '')}/sandbox/bots/${encodeURIComponent(options.bot ?? 'default')}/messages`;
  let res: Awaited<ReturnType<typeof request>>;
  try {
    res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: options.userId,
        text: options.text,
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.language === undefined ? {} : { language: options.language }),
        ...(options.chatId === undefined ? {} : { chat_id: options.chatId }),
      }),
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new Error(
      `Cannot reach the sandbox at ${options.sandboxUrl}${code ? ` (${code})` : ''}: is the inspector running? Pass --sandbox-url with the address it printed.`,
    );
  }
  const body = (await res.body.json().catch(() => ({}))) as {
    ok?: boolean;
    description?: string;
    result?: { update_id: number; chat_id: number };
  };
  if (res.statusCode !== 200 || !body.ok || !body.result) {
    throw new Error(`The sandbox refused the message: ${body.description ?? `HTTP ${res.statusCode}`}`);
  }
  return { updateId: body.result.update_id, chatId: body.result.chat_id };
}
