import { useEffect } from 'react';
import { CannedBar } from './CannedBar';
import { ChatList } from './ChatList';
import { Conversation } from './Conversation';
import { useSandbox } from './context';
import { GroupMembers } from './GroupMembers';
import { SandboxInfoCard } from './SandboxInfoCard';
import { SayForm } from './SayForm';
import { UserPicker } from './UserPicker';
import './sandbox.css';

/** Chat with the built-in sandbox bot as a simulated user: the whole loop with no platform and no network. */
export function SandboxPanel() {
  const start = useSandbox((state) => state.start);
  const stop = useSandbox((state) => state.stop);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  return (
    <section className="panel" data-testid="sandbox-panel" aria-label="Sandbox chat">
      <header className="panel-header">
        <h2>Sandbox chat</h2>
        <span className="muted">a local emulator of the bot API</span>
      </header>
      <div className="panel-body sandbox-body">
        <SandboxInfoCard />
        <UserPicker />
        <div className="sandbox-chat">
          <ChatList />
          <div className="sandbox-thread">
            <GroupMembers />
            <Conversation />
            <CannedBar />
            <SayForm />
          </div>
        </div>
      </div>
    </section>
  );
}
