import { createStoreContext } from '../../shared/storeContext';
import type { PeopleState } from './store';

const people = createStoreContext<PeopleState>('people');

export const peopleSlot = people.slot;
export const PeopleProvider = people.Provider;
export const usePeople = people.useSelector;
