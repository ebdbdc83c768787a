import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [TerritoryModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class SeedModule {}
