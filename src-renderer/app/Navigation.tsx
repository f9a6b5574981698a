import { VIEWS, type View } from './navigation';

interface NavigationProps {
  view: View;
  onChange: (view: View) => void;
  /** An admin on a team server: People and the audit log are shown too. */
  teamAdmin: boolean;
}

/** The views of the workspace; Deliveries comes first and is where the app opens. */
export function Navigation({ view, onChange, teamAdmin }: NavigationProps) {
  return (
    <nav className="app-nav" aria-label="Views">
      {VIEWS.filter((item) => teamAdmin || !('teamAdmin' in item)).map((item) => (
        <button
          key={item.id}
          type="button"
          className="nav-item"
          data-testid={`nav-${item.id}`}
          aria-current={item.id === view ? 'page' : undefined}
          onClick={() => onChange(item.id)}
        >
          {item.label}
        </button>
      ))}
    </nav>
  );
}
