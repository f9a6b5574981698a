import type { BotProfile } from '@contract';
import { ConfirmButton } from '../../components/ConfirmButton';
import { TableHead } from '../../components/TableHead';
import { useAllowed } from '../../shared/access';
import { useProfiles } from './context';

interface ProfileListProps {
  onEdit: (profile: BotProfile) => void;
}

const secretState = (isSet: boolean) => (isSet ? 'set' : 'not set');

export function ProfileList({ onEdit }: ProfileListProps) {
  const items = useProfiles((state) => state.items);
  const saving = useProfiles((state) => state.saving);
  const canEdit = useAllowed('profiles.update');
  const canDelete = useAllowed('profiles.delete');
  const remove = useProfiles((state) => state.remove);
  // Deleting throws away a stored token: one more click to be sure.

  if (items.length === 0) return <p className="note">No profiles yet.</p>;

  return (
    <table className="data-table profile-list">
      <TableHead columns={['Name', 'Platform', 'Base URL', 'Token', 'JWT']} actions />
      <tbody>
        {items.map((profile) => (
          <tr key={profile.id} data-testid="profile-row" data-profile-id={profile.id}>
            <td>
              {profile.name}{' '}
              {profile.sandbox && (
                <span className="badge sandbox-badge" title="Built in: this machine's bot API emulator">
                  Sandbox
                </span>
              )}
            </td>
            <td>
              {profile.platform}
              {profile.hasWebhookSecret && (
                <span className="muted small" data-testid="profile-webhook-secret-set">
                  {' '}
                  · secret set
                </span>
              )}
            </td>
            <td>
              <code>{profile.baseUrl}</code>
            </td>
            <td>{secretState(profile.hasToken)}</td>
            <td>{secretState(profile.hasJwt)}</td>
            <td className="row-actions">
              <button
                type="button"
                className="button"
                data-testid="profile-edit"
                disabled={!canEdit.allowed}
                title={canEdit.reason}
                onClick={() => onEdit(profile)}
              >
                Edit
              </button>
              <ConfirmButton
                label="Delete"
                question={`Delete “${profile.name}”?`}
                testId="profile-delete"
                disabled={!canDelete.allowed || saving}
                title={canDelete.reason}
                onConfirm={() => void remove(profile.id)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
