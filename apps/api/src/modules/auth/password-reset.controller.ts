import { Body, Controller, Headers, HttpCode, HttpStatus, Ip, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { AuthThrottlerGuard } from './auth-throttler.guard';
import { AuthErrors } from './auth.errors';
import { ConfirmPasswordResetDto, RequestPasswordResetDto } from './dto/password-reset.dto';
import { mailLanguage } from './password-reset-mail';
import { PasswordResetService } from './password-reset.service';

/** "Password dimenticata?": a link by e-mail, then a new password with it (docs/sign-in.md). */
@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post('request')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Ask for a reset link by e-mail. The answer is the same whether or not the address has an active account (it reveals no account); the link works once, for PASSWORD_RESET_TTL_MINUTES',
  })
  @ApiAcceptedResponse({ description: 'accepted: if the address is of an active account, a link is on its way' })
  @ApiErrors(AuthErrors.PASSWORD_RESET_THROTTLED, AuthErrors.RATE_LIMITED)
  async requestPasswordReset(
    @Body() body: RequestPasswordResetDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Ip() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const outcome = await this.resets.request(body.email, mailLanguage(body.language, acceptLanguage), ip);
    if (outcome.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      throw AuthErrors.PASSWORD_RESET_THROTTLED();
    }
  }

  @Post('confirm')
  @Public()
  @UseGuards(AuthThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Set a new password with the token of the e-mailed link: the link is used up, every session ends, sign in with the new password',
  })
  @ApiNoContentResponse({ description: 'the password is set' })
  @ApiErrors(AuthErrors.RESET_TOKEN_INVALID, AuthErrors.RATE_LIMITED)
  async confirmPasswordReset(@Body() body: ConfirmPasswordResetDto, @Ip() ip: string): Promise<void> {
    await this.resets.confirm(body, ip);
  }
}
