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
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LoginResponse, SessionUser } from '@trama/contracts';
import type { Request, Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Public, Scope } from '../../common/auth/decorators';
import { SessionUserDto } from '../users/dto/user.response';
import { AuthCookies } from './auth-cookies';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthService } from './auth.service';
import type { LoginCandidate } from '../users/credentials.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto } from './dto/login.response';
import { LocalAuthGuard } from './local-auth.guard';
import { REFRESH_COOKIE } from './refresh-token';

/** The user whose credentials LocalAuthGuard accepted. */
const Candidate = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): LoginCandidate => ctx.switchToHttp().getRequest<Request & { user: LoginCandidate }>().user,
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
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (per client address)' })
  async login(@Candidate() candidate: LoginCandidate, @Ip() ip: string, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    return this.cookies.send(res, await this.auth.login(candidate, ip));
  }

  @Post('refresh')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'Exchange the refresh cookie for a new access token; the cookie rotates, a reused one ends the session' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'SESSION_EXPIRED' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    return this.cookies.send(res, await this.auth.refresh(this.cookies.read(req)));
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'End the session of the refresh cookie and clear it' })
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(this.cookies.read(req));
    this.cookies.clear(res);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionUserDto })
  getMe(@Scope() scope: AccessScope): Promise<SessionUser> {
    return this.auth.getSessionUser(scope);
  }

  @Post('password')
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password: every session ends, sign in again with the new one' })
  @ApiNoContentResponse()
  async changePassword(
    @Scope() scope: AccessScope,
    @Body() body: ChangePasswordDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.changePassword(scope, body);
    this.cookies.clear(res);
  }
}
