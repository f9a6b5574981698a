import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createStoreContext, provide, StoresProvider } from '../../../src-renderer/shared/storeContext';

afterEach(cleanup);

const counter = createStoreContext<{ count: number }>('counter');
const label = createStoreContext<{ text: string }>('label');

function Both() {
  const count = counter.useSelector((state) => state.count);
  const text = label.useSelector((state) => state.text);
  return (
    <p data-testid="both">
      {text} {count}
    </p>
  );
}

describe('one stores provider', () => {
  it('hands every feature its own store through one context', () => {
    const stores = [
      provide(
        counter.slot,
        createStore(() => ({ count: 3 })),
      ),
      provide(
        label.slot,
        createStore(() => ({ text: 'seen' })),
      ),
    ];
    render(
      <StoresProvider stores={stores}>
        <Both />
      </StoresProvider>,
    );
    expect(screen.getByTestId('both').textContent).toBe('seen 3');
  });

  it('lets a nested provider add or replace one store and keep the rest', () => {
    const outer = [
      provide(
        counter.slot,
        createStore(() => ({ count: 1 })),
      ),
      provide(
        label.slot,
        createStore(() => ({ text: 'outer' })),
      ),
    ];
    render(
      <StoresProvider stores={outer}>
        <label.Provider store={createStore(() => ({ text: 'inner' }))}>
          <Both />
        </label.Provider>
      </StoresProvider>,
    );
    expect(screen.getByTestId('both').textContent).toBe('inner 1');
  });

  it('says which store is missing, and the optional hook gets null', () => {
    let optional: unknown = 'unset';
    function Optional() {
      optional = counter.useOptionalStoreApi();
      return null;
    }
    render(<Optional />);
    expect(optional).toBeNull();
    expect(() => render(<Both />)).toThrow('The counter panel needs its store provided above it.');
  });
});
