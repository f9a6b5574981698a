import { useCompose } from './context';

/** The last send: what the platform answered, or why nothing was sent. */
export function SendResult() {
  const last = useCompose((state) => state.last);
  if (last === null) return null;
  if (last.kind === 'refused') {
    return (
      <p className="send-result error-text" role="alert" data-testid="compose-result" data-ok="false">
        Not sent: {last.message}
      </p>
    );
  }
  const { reply } = last;
  return (
    <div
      className={`send-result${reply.ok ? '' : ' error-text'}`}
      role={reply.ok ? 'status' : 'alert'}
      data-testid="compose-result"
      data-ok={String(reply.ok)}
    >
      {reply.ok ? (
        <>
          <span>Sent to chat {String(reply.chatId)}. The platform answered:</span>
          <pre className="code-block">{reply.result}</pre>
        </>
      ) : (
        <span>Not sent: {reply.result}</span>
      )}
    </div>
  );
}
