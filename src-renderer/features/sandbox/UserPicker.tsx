import { useId } from 'react';
import { useSandbox } from './context';
import { parseUserId } from './store';

/** Who is typing: the simulated user the bot sees in `from`. */
export function UserPicker() {
  const userId = useSandbox((state) => state.userId);
  const userName = useSandbox((state) => state.userName);
  const setUserId = useSandbox((state) => state.setUserId);
  const setUserName = useSandbox((state) => state.setUserName);
  const id = useId();
  const invalid = parseUserId(userId) === null;

  return (
    <fieldset className="user-picker">
      <legend>Write as</legend>
      <label htmlFor={`${id}-id`}>User id</label>
      <input
        id={`${id}-id`}
        data-testid="sandbox-user-id"
        inputMode="numeric"
        value={userId}
        aria-invalid={invalid}
        size={10}
        onChange={(event) => setUserId(event.target.value)}
      />
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        data-testid="sandbox-user-name"
        value={userName}
        maxLength={64}
        size={14}
        onChange={(event) => setUserName(event.target.value)}
      />
    </fieldset>
  );
}
