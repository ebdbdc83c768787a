import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { HealthResponseDto, PublicConfigResponseDto } from './dto/health.response';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when the database answers and every migration is applied, 503 otherwise. */
  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Health check: the database answers and every migration is applied' })
  @ApiOkResponse({ type: HealthResponseDto, description: 'healthy' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'the database is down or a migration is pending' })
  async getHealth(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    let database: 'up' | 'down' = 'down';
    let migrations: 'applied' | 'pending' | 'unknown' = 'unknown';
    try {
      await this.dataSource.query('SELECT 1');
      database = 'up';
      migrations = (await this.dataSource.showMigrations()) ? 'pending' : 'applied';
    } catch {
      // reported below
    }
    const ok = database === 'up' && migrations === 'applied';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, migrations };
  }

  /** Settings the web app needs before sign-in (map tiles). */
  @Public()
  @Get('config')
  @ApiOperation({ summary: 'Settings the web app needs before sign-in (map tiles, environment)' })
  @ApiOkResponse({ type: PublicConfigResponseDto })
  getPublicConfig(): PublicConfigResponseDto {
    return { tileUrl: this.config.tileUrl, tileAttribution: this.config.tileAttribution, environment: this.config.env };
  }
}
