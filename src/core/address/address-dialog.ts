/**
 * State of the "which home is yours?" dialog, kept in the session between turns.
 */
import type { Address } from '../council';
import type { DialogState, SessionState } from '../session';
import type { SlotValue } from '../turn';

export const SET_ADDRESS = 'SetAddressIntent';

export interface AddressDialogData {
  postcode?: string;
  /** Homes still in the running; kept small (labels and UPRNs only). */
  candidates?: Address[];
  /** The home the skill asked the resident to confirm. */
  chosen?: Address;
  /** Failed attempts at a postcode, so the skill stops asking after three. */
  postcodeAttempts?: number;
}

/** The address dialog's data, when the session is in it. */
export function addressDialogData(session: SessionState): AddressDialogData {
  const dialog = session.dialog;
  return dialog?.intent === SET_ADDRESS ? ((dialog.data ?? {}) as AddressDialogData) : {};
}

/** Session state for the next turn of the address dialog; keeps what to resume afterwards. */
export function addressSession(
  session: SessionState,
  data: AddressDialogData,
  ask: { slot?: 'postcode' | 'houseNumber'; confirm?: boolean },
): SessionState {
  const slots: Record<string, SlotValue> = data.postcode ? { postcode: { value: data.postcode } } : {};
  const dialog: DialogState = {
    intent: SET_ADDRESS,
    slots,
    awaitingSlot: ask.slot,
    awaitingConfirmation: ask.confirm,
    data: { ...data },
  };
  return { ...session, dialog };
}

/** Only what the dialog needs of each home, so the session stays small. */
export function slimAddress(a: Address): Address {
  const { uprn, label, postcode, buildingNumber, buildingName, custodianCode } = a;
  return { uprn, label, postcode, buildingNumber, buildingName, custodianCode };
}
