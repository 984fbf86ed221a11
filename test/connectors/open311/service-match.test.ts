import { matchService } from '../../../src/connectors/open311/service-match';
import { servicesSchema } from '../../../src/connectors/open311/open311-wire';

/** A council's services.json, as published: the words differ from ours. */
const services = servicesSchema.parse([
  { service_code: 'RD-01', service_name: 'Pothole or road defect', metadata: true, keywords: 'roads, potholes', group: 'Highways' },
  { service_code: 'SL-02', service_name: 'Street light fault', metadata: false, keywords: 'lamp, lighting', group: 'Highways' },
  { service_code: 'WS-09', service_name: 'Missed collection', metadata: 'true', type: 'batch', keywords: ['missed bin', 'bins'], group: 'Waste' },
  { service_code: 'EN-05', service_name: 'Report it', metadata: false, keywords: 'graffiti, vandalism', group: 'Environment' },
  { service_code: 'EN-06', service_name: 'Environmental crime', metadata: false, keywords: '', group: 'Fly-tipping and dumping' },
  { service_code: 'DR-03', service_name: 'Drainage', metadata: false, group: 'Highways' },
]);

describe('finding the council\'s service for a kind of problem', () => {
  it.each([
    ['POTHOLE', 'RD-01', 'by name'],
    ['STREET_LIGHT', 'SL-02', 'by name'],
    ['MISSED_BIN', 'WS-09', 'by name'],
    ['GRAFFITI', 'EN-05', 'by keyword'],
    ['FLY_TIPPING', 'EN-06', 'by group'],
    ['BLOCKED_DRAIN', 'DR-03', 'by name'],
  ])('%s is %s (%s)', (issueType, code) => {
    expect(matchService(issueType, services)?.service_code).toBe(code);
  });

  it('prefers a match by name over one by keyword or group', () => {
    const more = servicesSchema.parse([
      { service_code: 'X', service_name: 'Roads', keywords: 'pothole' },
      { service_code: 'Y', service_name: 'Potholes' },
    ]);
    expect(matchService('POTHOLE', more)?.service_code).toBe('Y');
  });

  it('finds nothing when no service mentions the problem', () => {
    expect(matchService('DOG_FOULING', services)).toBeUndefined();
  });

  it('uses the configured code, even for a service the list leaves out', () => {
    expect(matchService('POTHOLE', services, { POTHOLE: 'EN-05' })?.service_code).toBe('EN-05');
    expect(matchService('DOG_FOULING', services, { DOG_FOULING: 'HIDDEN-1' })).toMatchObject({ service_code: 'HIDDEN-1', metadata: true });
  });
});
