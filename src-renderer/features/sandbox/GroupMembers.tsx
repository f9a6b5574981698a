import { useSandbox } from './context';
import { parseUserId } from './store';
import { chatType } from './writer';

/** In a group, everyone who wrote there: one click writes as them, so several users can talk. */
export function GroupMembers() {
  const chatId = useSandbox((state) => state.chatId);
  const messages = useSandbox((state) => state.messages);
  const userId = useSandbox((state) => parseUserId(state.userId));
  const setUserId = useSandbox((state) => state.setUserId);
  const setUserName = useSandbox((state) => state.setUserName);
  if (chatType(chatId) !== 'group') return null;
  const members = new Map<number, string>();
  for (const m of messages)
    if (m.sender === 'user' && m.userId !== null) members.set(m.userId, m.userName ?? `User ${m.userId}`);
  if (members.size === 0) return null;
  return (
    <fieldset className="group-members">
      <legend className="muted small">Write as a member</legend>
      {[...members].map(([id, name]) => (
        <button
          key={id}
          type="button"
          className="link-button"
          data-testid="sandbox-member"
          data-user-id={id}
          aria-pressed={id === userId}
          onClick={() => {
            setUserId(String(id));
            setUserName(name);
          }}
        >
          <bdi>{name}</bdi> ({id})
        </button>
      ))}
    </fieldset>
  );
}
