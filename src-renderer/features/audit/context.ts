import { createStoreContext } from '../../shared/storeContext';
import type { AuditState } from './store';

const audit = createStoreContext<AuditState>('audit log');

export const auditSlot = audit.slot;
export const AuditProvider = audit.Provider;
export const useAudit = audit.useSelector;
