/** Every call was refused for the token, so nothing else on the page could work. */
export function AuthRequired() {
  return (
    <main className="auth-required" data-testid="auth-required">
      <h1>This link's access token is missing or wrong</h1>
      <p>
        The inspector only answers pages opened with the secret link it prints when it starts. Open the URL
        printed in the terminal by <code>npm start</code> or <code>npm run serve</code> — it ends in{' '}
        <code>?token=…</code>.
      </p>
      <p className="muted">
        If the inspector was restarted, it has a new token: copy the link again from its latest output.
      </p>
    </main>
  );
}
