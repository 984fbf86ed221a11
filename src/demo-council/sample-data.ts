/**
 * The demo council's sample data, read from the JSON files in data/ (written for a council
 * officer to read and edit) and checked once at start-up so a typo fails loudly.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate } from '../core/dates';
import propertiesFile from './data/properties.json';
import roundsFile from './data/collection-rounds.json';
import valleyFile from './data/demo-valley.json';

const isoDate = z.string().refine(isIsoDate, 'a date like 2026-01-06');

const propertySchema = z.object({
  uprn: z.string().regex(/^\d{1,12}$/, 'a UPRN is up to 12 digits'),
  flat: z.string().optional(),
  houseNumber: z.string().optional(),
  houseName: z.string().optional(),
  street: z.string().min(1),
  town: z.string().min(1),
  postcode: z.string().min(5),
  round: z.string().min(1),
  gardenWaste: z.boolean().default(false),
  /** The council that holds the address (OS Places LOCAL_CUSTODIAN_CODE); set from the file it is in. */
  custodianCode: z.number().int().positive().optional(),
  custodianName: z.string().optional(),
}).refine((p) => p.houseNumber || p.houseName, 'a property needs a houseNumber or a houseName');

const collectionSchema = z.object({
  /** Spoken to residents and matched to bin streams by the skill: "Recycling (green bin)". */
  what: z.string().min(1),
  firstDate: isoDate,
  everyWeeks: z.number().int().min(1).max(8),
  gardenSubscribersOnly: z.boolean().default(false),
});

const roundsSchema = z.object({
  published: z.iso.datetime(),
  rounds: z.array(z.object({ name: z.string().min(1), collections: z.array(collectionSchema).min(1) })).min(1),
  bankHolidayMoves: z.array(z.object({ usualDate: isoDate, movedTo: isoDate, why: z.string() })),
  noCollections: z.array(z.object({ what: z.string(), dates: z.array(isoDate), why: z.string() })),
});

/** The second demo area: its properties' collections are served in UKBinCollectionData's shape. */
const valleySchema = z.object({
  council: z.string().min(1),
  localCustodianCode: z.number().int().positive(),
  custodianName: z.string().min(1),
  properties: z.array(propertySchema).min(1),
  rounds: roundsSchema.shape.rounds,
  bankHolidayMoves: roundsSchema.shape.bankHolidayMoves,
});

export type Property = z.infer<typeof propertySchema>;
export type ValleyData = z.infer<typeof valleySchema>;
export type ScheduledCollection = z.infer<typeof collectionSchema>;
export type CollectionRounds = z.infer<typeof roundsSchema>;

export interface SampleData {
  /** Demo Borough Council's properties (iCalendar feeds). */
  properties: Property[];
  rounds: CollectionRounds;
  /** Demo Valley District Council (UKBinCollectionData shape). */
  valley: ValleyData;
}

/** Reads and checks the sample data; throws with the bad key named when a file is wrong. */
export function loadSampleData(): SampleData {
  const custodian = { custodianCode: propertiesFile.localCustodianCode, custodianName: propertiesFile.custodianName };
  const properties = z.array(propertySchema).parse(propertiesFile.properties).map((property) => ({ ...custodian, ...property }));
  const rounds = roundsSchema.parse(roundsFile);
  checkRounds(properties, rounds.rounds);
  const valley = valleySchema.parse(valleyFile);
  valley.properties = valley.properties.map((property) => ({ custodianCode: valley.localCustodianCode, custodianName: valley.custodianName, ...property }));
  checkRounds(valley.properties, valley.rounds);
  return { properties, rounds, valley };
}

/** Every property in every area, for the one address lookup. */
export function allProperties(data: SampleData): Property[] {
  return [...data.properties, ...data.valley.properties];
}

function checkRounds(properties: Property[], rounds: { name: string }[]): void {
  const roundNames = new Set(rounds.map((round) => round.name));
  for (const property of properties) {
    if (!roundNames.has(property.round)) throw new Error(`property ${property.uprn} names unknown round "${property.round}"`);
  }
}

/** Whether `collection` would usually happen on `date` (before any move or pause). */
export function isUsualDay(collection: ScheduledCollection, date: string): boolean {
  const days = daysBetween(collection.firstDate, date);
  return days >= 0 && days % (7 * collection.everyWeeks) === 0;
}
