import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ApiEnum, ApiText } from '../../../common/http/api-schema';

@ApiSchema({ name: 'Health' })
export class HealthResponseDto {
  @ApiEnum(['ok', 'unavailable'], 'HealthStatus') status: 'ok' | 'unavailable';
  @ApiEnum(['up', 'down'], 'DatabaseStatus') database: 'up' | 'down';
  @ApiEnum(['applied', 'pending', 'unknown'], 'MigrationsStatus', { description: 'unknown while the database is down' })
  migrations: 'applied' | 'pending' | 'unknown';
}

/** Settings the web app needs before sign-in. */
@ApiSchema({ name: 'PublicConfig' })
export class PublicConfigResponseDto {
  @ApiText(2000, {
    description: 'the map tile URL template ({z}/{x}/{y}); empty: no tile layer',
    example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  })
  tileUrl: string;
  @ApiText(2000, { example: '© OpenStreetMap contributors' }) tileAttribution: string;
  @ApiProperty({ enum: ['development', 'production', 'test'], enumName: 'Environment' }) environment: 'development' | 'production' | 'test';
}
