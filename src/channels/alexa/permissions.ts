/**
 * The Alexa permission scopes the skill asks residents for. The skill manifest declares exactly
 * these (test/skill-package/manifest.test.ts keeps the two in step).
 */

/** The device's postcode, to find the resident's address without asking (Device Address API). */
export const ADDRESS_PERMISSION = 'read::alexa:device:all:address:country_and_postal_code';

/** Creating and deleting the skill's own reminders (Reminders API). */
export const REMINDERS_PERMISSION = 'alexa::alerts:reminders:skill:readwrite';
