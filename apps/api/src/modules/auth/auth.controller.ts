import {
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { AllowPendingPasswordChange, Public, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { SessionUserDto } from '../users/dto/user.response';
import { AuthCookies } from './auth-cookies';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthErrors } from './auth.errors';
import { type AcceptedSignIn, AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login.response';
import { LocalAuthGuard } from './local-auth.guard';
import { REFRESH_COOKIE } from './refresh-token';

/** The user whose credentials LocalAuthGuard accepted. */
const Candidate = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AcceptedSignIn => ctx.switchToHttp().getRequest<Request & { user: AcceptedSignIn }>().user,
);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(AuthThrottlerGuard, LocalAuthGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: `Sign in: an access token in the body, a rotating refresh token in the httpOnly cookie ${REFRESH_COOKIE}` })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto, description: 'signed in; the refresh cookie is set' })
  @ApiErrors(AuthErrors.INVALID_CREDENTIALS, AuthErrors.TEMPORARY_PASSWORD_EXPIRED, AuthErrors.ACCOUNT_LOCKED, AuthErrors.RATE_LIMITED)
  async login(
    @Candidate() candidate: AcceptedSignIn,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    return this.cookies.send(res, await this.auth.login(candidate, ip));
  }

  @Post('refresh')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth('refreshCookie')
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token; the cookie rotates, a reused one ends the session' })
  @ApiOkResponse({ type: LoginResponseDto, description: 'a new access token; the refresh cookie is replaced' })
  @ApiErrors(AuthErrors.SESSION_EXPIRED, AuthErrors.RATE_LIMITED)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    return this.cookies.send(res, await this.auth.refresh(this.cookies.read(req)));
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth('refreshCookie')
  @ApiOperation({ summary: 'End the session of the refresh cookie and clear it (also without a cookie or with an ended session)' })
  @ApiNoContentResponse({ description: 'signed out; the refresh cookie is cleared' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(this.cookies.read(req));
    this.cookies.clear(res);
  }

  @Get('me')
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: 'The signed-in user: role, tenant, assigned municipalities or territory' })
  @ApiOkResponse({ type: SessionUserDto })
  getMe(@Scope() scope: AccessScope): Promise<SessionUserDto> {
    return this.auth.getSessionUser(scope);
  }

  @Post('password')
  @AllowPendingPasswordChange()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change your password: every session ends, sign in again with the new one' })
  @ApiNoContentResponse({ description: 'changed; every session ended and the refresh cookie is cleared' })
  @ApiErrors(AuthErrors.CURRENT_PASSWORD_WRONG, AuthErrors.RATE_LIMITED)
  async changePassword(
    @Scope() scope: AccessScope,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.changePassword(scope, body);
    this.cookies.clear(res);
  }
}
