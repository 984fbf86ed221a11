/**
 * What the handlers know about the council itself, from its config file: how to name it,
 * where residents can go instead, and the public facts the skill answers without a back end.
 */
import type { BinStream } from './council';

export interface CouncilTaxInfo {
  /** "2026/27" */
  year: string;
  /** Annual charge per band A–H, in pence. */
  bandsPence: Record<string, number>;
  /** Number of monthly instalments by default (10, or 12 on request). */
  instalments: number;
  /** Day of the month instalments are due. */
  instalmentDay: number;
  /** First instalment month, 1–12 (April = 4). */
  firstInstalmentMonth: number;
  paymentMethods: string[];
  /** Single person discount, percent. */
  singlePersonDiscountPercent: number;
  /** Where to find your band when the API cannot tell. */
  bandLookupUrl?: string;
}

export interface CouncilInfo {
  name: string;
  /** Spoken as the skill's name: "demo council". */
  invocationName: string;
  timeZone: string;
  /** Phone number as residents should hear and dial it. */
  phone: string;
  website: string;
  binStreams: BinStream[];
  /** "19:00": when the night-before bin reminder fires. */
  reminderTime: string;
  /** How many upcoming collections get a reminder at once. */
  reminderCount: number;
  councilTax?: CouncilTaxInfo;
  /**
   * In a deployment of several councils, false when this council's account API does not accept
   * the deployment's one account-linking sign-in, so balances are for its website instead.
   */
  acceptsSignIn?: boolean;
}
