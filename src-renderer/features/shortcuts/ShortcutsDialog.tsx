import { Fragment } from 'react';
import { Dialog } from '../../components/Dialog';
import { keyLabel, SHORTCUTS, type Shortcut } from './registry';

/** Every shortcut of the registry, grouped by where it works. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const panels = new Map<string, Shortcut[]>();
  for (const item of SHORTCUTS as readonly Shortcut[]) {
    const list = panels.get(item.panel) ?? [];
    list.push(item);
    panels.set(item.panel, list);
  }
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog" size="large">
      <div className="shortcuts">
        {[...panels].map(([panel, items]) => (
          <section key={panel} className="shortcuts-panel">
            <h3>{panel}</h3>
            <dl>
              {items.map((item) => (
                <Fragment key={item.id}>
                  <dt data-shortcut={item.id}>
                    {item.keys.map((key, index) => (
                      <Fragment key={key}>
                        {index > 0 && <span className="muted"> or </span>}
                        <kbd>{keyLabel(key)}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{item.description}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
