import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UsersModule } from '../users/users.module';
import { AuthCookies } from './auth-cookies';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsModule } from './credentials.module';
import { LocalStrategy } from './local.strategy';
import { SignInStatePruner } from './sign-in-state.pruner';

@Module({
  imports: [
    CredentialsModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy, AuthCookies, AuthThrottlerGuard, SignInStatePruner],
})
export class AuthModule {}
