/** What a command's body can use: the same names TeleBotHost gives a user-based webhook's command. */
export function CommandHelp() {
  return (
    <aside className="info-note command-help" data-testid="command-help" aria-label="What a command can use">
      <h3>What a command can use</h3>
      <ul>
        <li>
          <code>user</code>, <code>chat</code> — who the link was signed for, and their chat.
        </li>
        <li>
          <code>options</code> — the signed options (parsed JSON); <code>params</code> — the signed extra
          query parameters.
        </li>
        <li>
          <code>request</code> — <code>method</code>, <code>query</code>, <code>headers</code>,{' '}
          <code>body</code>, <code>ip</code> of the request that opened the link.
        </li>
        <li>
          <code>res.status(code)</code>, <code>res.set(name, value)</code> chain; <code>res.send(body)</code>,{' '}
          <code>res.json(value)</code>, <code>res.text(s)</code>, <code>res.html(s)</code>,{' '}
          <code>res.redirect(url)</code> send the answer — once it is sent the command ends.{' '}
          <code>redirect</code> takes only an absolute <code>https://</code> URL.
        </li>
        <li>
          <code>{'Api.sendMessage({ chat_id?, text })'}</code> — <code>chat_id</code> defaults to{' '}
          <code>chat.id</code>; messages go out after the command ends.
        </li>
        <li>
          <code>console.log(…)</code> — captured, shown in the delivery's Invocation tab.
        </li>
      </ul>
      <p className="muted">
        With no <code>res</code> call the answer is <code>200 {'{"status":"success"}'}</code>, or a redirect
        to the link's signed <code>redirect</code> when it has one.
      </p>
    </aside>
  );
}
