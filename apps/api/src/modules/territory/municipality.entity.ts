import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

export interface MultiPolygon {
  type: 'MultiPolygon' | 'Polygon';
  coordinates: unknown[];
}

@Entity({ name: 'municipalities' })
export class Municipality extends BaseRecord {
  @Column({ name: 'istat_code', type: 'char', length: 6 })
  istatCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'province_code', type: 'char', length: 3 })
  provinceCode: string;

  @Column({ name: 'cadastral_code', type: 'text', nullable: true })
  cadastralCode: string | null;

  @Column({ type: 'int' })
  population: number;

  @Column({ name: 'population_year', type: 'smallint' })
  populationYear: number;

  @Column({
    name: 'area_km2',
    type: 'numeric',
    precision: 10,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  areaKm2: number;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  /** full-resolution boundary (deciding which municipality a point falls in) */
  @Column({ type: 'jsonb', nullable: true, select: false })
  boundary: MultiPolygon | null;

  /** simplified boundary for display */
  @Column({ name: 'boundary_simplified', type: 'jsonb', nullable: true, select: false })
  boundarySimplified: MultiPolygon | null;

  @Column({ name: 'min_lon', type: 'double precision', nullable: true })
  minLon: number | null;

  @Column({ name: 'min_lat', type: 'double precision', nullable: true })
  minLat: number | null;

  @Column({ name: 'max_lon', type: 'double precision', nullable: true })
  maxLon: number | null;

  @Column({ name: 'max_lat', type: 'double precision', nullable: true })
  maxLat: number | null;

  @Column({ name: 'social_area_id', type: 'uuid', nullable: true })
  socialAreaId: string | null;
}
