import type { DeliveryFilter } from '@contract';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { WrappedField } from '../../components/Field';
import { useDeliveriesStore } from '../deliveries/context';
import { sameFilter } from '../deliveries/filter';
import { PROBLEMS } from '../deliveries/problems';
import { matches } from '../shortcuts/registry';
import {
  activeFilterCount,
  EMPTY_FORM,
  type FieldErrors,
  type FilterField,
  type FilterForm,
  filterToForm,
  formToFilter,
  KIND_SUGGESTIONS,
  PLATFORM_LABELS,
  PROBLEM_CODES,
  STATUS_CLASSES,
} from './filterForm';
import { useSlashShortcut } from './useSlashShortcut';
import './search.css';

/** Typing settles this long before the list is asked again. */
export const SEARCH_DEBOUNCE_MS = 200;

type Timing = 'now' | 'debounced';

interface SearchBarProps {
  /** Escape in the search field: hand the keyboard back to the list. */
  onLeave: () => void;
  /**
   * The address of the list with this filter ("Link" copies it). Passed in by the app, which
   * knows the deep-link format, so search and deeplinks do not import each other.
   */
  linkTo: (filter: DeliveryFilter) => string;
}

/**
 * Full-text search and the filters beside it. The fields are kept here as
 * typed; only a valid form reaches the store, as one `DeliveryFilter` with the
 * header's inbox. Text settles for SEARCH_DEBOUNCE_MS first; a select, a
 * date, Enter, Escape or Clear apply at once.
 */
export function SearchBar({ onLeave, linkTo }: SearchBarProps) {
  const store = useDeliveriesStore();
  // Started from the store's filter: coming back to the view shows what the list is filtered by.
  const [form, setForm] = useState<FilterForm>(() => filterToForm(store.getState().filter));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [open, setOpen] = useState(() => activeFilterCount(form) > 0);
  const latest = useRef(form);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useSlashShortcut(inputRef);

  const apply = () => {
    const { inbox } = store.getState().filter;
    const result = formToFilter(latest.current, inbox ?? null);
    setErrors(result.errors);
    // An invalid field is shown, not sent: the list keeps the last valid filter.
    if (Object.keys(result.errors).length > 0) return;
    store.getState().setFilter(result.filter);
  };
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // The filter set from elsewhere (a deep link, Back): the fields show it, unless the user is
  // typing, whose text then wins when it settles.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.filter === previous.filter || timer.current !== null) return;
        const typed = formToFilter(latest.current, state.filter.inbox ?? null);
        if (Object.keys(typed.errors).length === 0 && sameFilter(typed.filter, state.filter)) return;
        const next = filterToForm(state.filter);
        latest.current = next;
        setForm(next);
        setErrors({});
        if (activeFilterCount(next) > 0) setOpen(true);
      }),
    [store],
  );

  // Leaving the view while typing: what was typed still applies.
  useEffect(
    () => () => {
      if (timer.current === null) return;
      clearTimeout(timer.current);
      timer.current = null;
      applyRef.current();
    },
    [],
  );

  const update = (patch: Partial<FilterForm>, timing: Timing) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setForm(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (timing === 'now') {
      apply();
      return;
    }
    timer.current = setTimeout(() => {
      timer.current = null;
      applyRef.current();
    }, SEARCH_DEBOUNCE_MS);
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (matches('search.leave', event)) {
      event.preventDefault();
      event.stopPropagation();
      update({ query: '' }, 'now');
      onLeave();
    } else if (matches('search.apply', event)) {
      event.preventDefault();
      update({}, 'now');
    }
  };

  const clear = () => {
    update(EMPTY_FORM, 'now');
    inputRef.current?.focus();
  };

  const count = activeFilterCount(form);
  const dirty = (Object.keys(form) as FilterField[]).some((field) => form[field] !== '');
  const messages = Object.values(errors);
  const invalid = (field: FilterField) => (errors[field] === undefined ? undefined : true);
  const text = (field: FilterField, testId: string, label: string, placeholder: string, list?: string) => (
    <WrappedField className="search-field" labelClassName="search-field-label" label={label}>
      <input
        type="text"
        data-testid={testId}
        value={form[field]}
        placeholder={placeholder}
        list={list}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid(field)}
        onChange={(event) => update({ [field]: event.target.value }, 'debounced')}
      />
    </WrappedField>
  );

  return (
    <div className="search" data-testid="search-bar">
      <div className="search-bar">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          data-testid="search-input"
          placeholder="Search text and body…"
          aria-label="Search deliveries (text and body)"
          aria-keyshortcuts="/"
          aria-invalid={invalid('query')}
          spellCheck={false}
          autoComplete="off"
          value={form.query}
          onChange={(event) => update({ query: event.target.value }, 'debounced')}
          onKeyDown={onSearchKeyDown}
        />
        <button
          type="button"
          className="button"
          data-testid="filter-toggle"
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          onClick={() => setOpen(!open)}
        >
          Filters{count > 0 ? ` (${count})` : ''}
        </button>
        <button type="button" className="button" data-testid="filter-clear" disabled={!dirty} onClick={clear}>
          Clear
        </button>
        <CopyButton
          text={() => linkTo(store.getState().filter)}
          label="Link"
          title="Copy a link to this search and these filters"
          testId="copy-filter-link"
        />
      </div>
      <fieldset id={`${id}-filters`} className="search-filters" data-testid="filter-panel" hidden={!open}>
        <legend className="visually-hidden">Filters</legend>
        {text('kind', 'filter-kind', 'Kind', 'any', `${id}-kinds`)}
        <datalist id={`${id}-kinds`}>
          {KIND_SUGGESTIONS.map((kind) => (
            <option key={kind} value={kind} />
          ))}
        </datalist>
        <WrappedField className="search-field" labelClassName="search-field-label" label="Platform">
          <select
            data-testid="filter-platform"
            value={form.platform}
            aria-invalid={invalid('platform')}
            onChange={(event) => update({ platform: event.target.value }, 'now')}
          >
            <option value="">any</option>
            {Object.entries(PLATFORM_LABELS).map(([platform, label]) => (
              <option key={platform} value={platform}>
                {label}
              </option>
            ))}
          </select>
        </WrappedField>
        {text('status', 'filter-status', 'Status', 'any, 4xx, 404', `${id}-statuses`)}
        <datalist id={`${id}-statuses`}>
          {STATUS_CLASSES.map((status) => (
            <option key={status} value={status} />
          ))}
        </datalist>
        <WrappedField className="search-field" labelClassName="search-field-label" label="Problem">
          <select
            data-testid="filter-problem"
            value={form.problem}
            aria-invalid={invalid('problem')}
            onChange={(event) => update({ problem: event.target.value }, 'now')}
          >
            <option value="">any delivery</option>
            <option value="any">any problem</option>
            <option value="none">no problem</option>
            {PROBLEM_CODES.map((problem) => (
              <option key={problem} value={problem}>
                {PROBLEMS[problem].label}
              </option>
            ))}
          </select>
        </WrappedField>
        {text('userId', 'filter-user', 'User id', 'any')}
        {text('chatId', 'filter-chat', 'Chat id', 'any')}
        {(['from', 'to'] as const).map((field) => (
          <WrappedField
            key={field}
            className="search-field"
            labelClassName="search-field-label"
            label={field === 'from' ? 'From' : 'To'}
          >
            <input
              type="datetime-local"
              step={1}
              data-testid={`filter-${field}`}
              value={form[field]}
              aria-invalid={invalid(field)}
              onChange={(event) => update({ [field]: event.target.value }, 'now')}
            />
          </WrappedField>
        ))}
      </fieldset>
      {messages.length > 0 && (
        <ul className="search-errors error-text" role="alert" data-testid="filter-error">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
