import type { EntityId, SignedLink } from '@contract';
import { type CallError, localError, toCallError } from '../../api/callError';
import { checkLinkForm, EMPTY_LINK_FORM, type LinkForm } from './linkForm';
import type { ParamRow } from './params';
import type { Slice } from './slice';

/**
 * Where the user id came from. Only one the app filled in (from the selected
 * delivery) may be replaced by a newer suggestion; a typed one stays.
 */
export type UserSource = 'none' | 'suggested' | 'typed';

export type TextField = 'command' | 'userId' | 'options' | 'redirect' | 'expiresIn';

export interface GeneratorSlice {
  form: LinkForm;
  userSource: UserSource;
  /** The bot the link is for; null follows the profile selected in the header. */
  profileId: number | null;
  signing: boolean;
  signed: SignedLink | null;
  /** The form and bot `signed` was made from: once either changes, the link no longer matches the form. */
  signedWith: { form: LinkForm; profileId: number | null } | null;
  signError: CallError | null;
  setField(field: TextField, value: string): void;
  setProfileId(profileId: number): void;
  addParam(): void;
  setParam(id: number, patch: Partial<Omit<ParamRow, 'id'>>): void;
  removeParam(id: number): void;
  /** Offers the selected delivery's user when none was typed. */
  suggestUser(userId: EntityId | null): void;
  /** `links.sign` for the form; resolves to false when the form or the server refused. */
  sign(defaultProfileId: number | null): Promise<boolean>;
}

export const createGeneratorSlice: Slice<GeneratorSlice> = (set, get, client) => {
  let nextRowId = 1;
  const setForm = (patch: Partial<LinkForm>) => set({ form: { ...get().form, ...patch }, signError: null });

  return {
    form: EMPTY_LINK_FORM,
    userSource: 'none',
    profileId: null,
    signing: false,
    signed: null,
    signedWith: null,
    signError: null,

    setField(field, value) {
      setForm({ [field]: value });
      if (field === 'userId') set({ userSource: value.trim() === '' ? 'none' : 'typed' });
    },

    setProfileId: (profileId) => set({ profileId, signError: null }),

    addParam: () => setForm({ params: [...get().form.params, { id: nextRowId++, key: '', value: '' }] }),

    setParam: (id, patch) =>
      setForm({ params: get().form.params.map((row) => (row.id === id ? { ...row, ...patch } : row)) }),

    removeParam: (id) => setForm({ params: get().form.params.filter((row) => row.id !== id) }),

    suggestUser(userId) {
      const { userSource } = get();
      if (userId === null || userSource === 'typed') return;
      setForm({ userId: String(userId) });
      set({ userSource: 'suggested' });
    },

    async sign(defaultProfileId) {
      const { form, profileId, signing } = get();
      // The button is disabled meanwhile; a double click must not sign twice.
      if (signing) return false;
      const checked = checkLinkForm(form);
      if (!checked.ok) {
        set({ signError: localError('Fix the fields marked above first.') });
        return false;
      }
      const chosen = profileId ?? defaultProfileId;
      set({ signing: true, signError: null });
      try {
        const signed = await client.call('links.sign', {
          ...(chosen === null ? {} : { profileId: chosen }),
          ...checked.input,
        });
        set({ signing: false, signed, signedWith: { form, profileId } });
        return true;
      } catch (error) {
        set({ signing: false, signError: toCallError(error) });
        return false;
      }
    },
  };
};
