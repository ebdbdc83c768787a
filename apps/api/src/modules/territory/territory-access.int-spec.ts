import { describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { territoryMatrix } from '../../test/territory-matrix';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('municipalities: who sees which (detail, list, map layer)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  describeAccessMatrix(
    territoryMatrix(
      () => t,
      () => w,
    ),
  );
});
