import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { TerritoryModule } from '../territory/territory.module';
import { UsersModule } from '../users/users.module';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

/** Each role's home (read-only summaries over activities, territory and users, through their policies). */
@Module({
  imports: [ActivitiesModule, TerritoryModule, UsersModule],
  controllers: [HomeController],
  providers: [HomeRepository, HomeService],
})
export class HomeModule {}
