<#-- The password door's form: account, password, and the captcha that is checked before the password
     (authenticator jieyang-captcha-password-form). Phone first; no inline script: "换一张" is
     a submit button, the proof-of-work path is an external module script that only adds to the form. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true displayInfo=false; section>
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if realm.password>
                <form id="kc-form-login" class="jy-form" action="${url.loginAction}" method="post" novalidate>
                    <#if !usernameHidden??>
                        <div class="${properties.kcFormGroupClass!}">
                            <label for="username" class="${properties.kcLabelClass!}">${msg("usernameOrEmail")}</label>
                            <input id="username" class="${properties.kcInputClass!}" name="username" value="${(login.username!'')}" type="text"
                                   autofocus autocomplete="username" autocapitalize="none" spellcheck="false" dir="ltr"
                                   aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>"/>
                        </div>
                    </#if>

                    <div class="${properties.kcFormGroupClass!}">
                        <label for="password" class="${properties.kcLabelClass!}">${msg("password")}</label>
                        <input id="password" class="${properties.kcInputClass!}" name="password" type="password" autocomplete="current-password" dir="ltr"
                               aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>"/>
                        <#if messagesPerField.existsError('username','password')>
                            <span id="input-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                                ${kcSanitize(messagesPerField.getFirstError('username','password'))?no_esc}
                            </span>
                        </#if>
                    </div>

                    <#if captcha??>
                        <fieldset id="captcha-group" class="jy-captcha" data-captcha-length="${captcha.length?c}">
                            <legend>${msg("captchaLegend")}</legend>
                            <input type="hidden" id="captcha-id" name="captcha_id" value="${captcha.id}"/>
                            <#if captcha.image??>
                                <img id="captcha-image" class="jy-captcha-image" src="${captcha.image}" width="180" height="60"
                                     alt="${msg("captchaImageAlt", captcha.length?c)}"/>
                                <label for="captcha" class="${properties.kcLabelClass!}">${msg("captchaLabel", captcha.length?c)}</label>
                                <input id="captcha" class="${properties.kcInputClass!}" name="captcha" type="text" value=""
                                       autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="16" dir="ltr"
                                       aria-describedby="captcha-hint<#if messagesPerField.existsError('captcha')> captcha-error</#if>"
                                       aria-invalid="<#if messagesPerField.existsError('captcha')>true</#if>"/>
                                <p id="captcha-hint" class="jy-hint">${msg("captchaHint", captcha.expirySeconds?c)}</p>
                            </#if>
                            <#if messagesPerField.existsError('captcha')>
                                <span id="captcha-error" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">
                                    ${kcSanitize(messagesPerField.getFirstError('captcha'))?no_esc}
                                </span>
                            </#if>
                            <input type="hidden" id="captcha-pow-nonce" name="captcha_pow" value=""/>
                        </fieldset>
                    </#if>

                    <div id="kc-form-buttons" class="${properties.kcFormGroupClass!}">
                        <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                        <#-- First submit button of the form: what Enter in any field presses. -->
                        <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"
                               name="login" id="kc-login" type="submit" value="${msg("doLogIn")}"/>
                    </div>

                    <#if captcha??>
                        <div class="jy-captcha-tools">
                            <button type="submit" id="captcha-refresh" name="captcha_refresh" value="1" class="jy-link" formnovalidate>${msg("captchaRefresh")}</button>
                            <#-- Shown by js/captcha-pow.js (it needs JavaScript); see keycloak/README.md, WCAG 2.2 SC 3.3.8. -->
                            <div id="captcha-pow" class="jy-pow" hidden
                                 data-pow="${captcha.pow}" data-pow-difficulty="${captcha.powDifficulty?c}"
                                 data-working="${msg("captchaPowWorking")}" data-done="${msg("captchaPowDone")}" data-failed="${msg("captchaPowFailed")}">
                                <button type="button" id="captcha-pow-start" class="jy-secondary">${msg("captchaPowStart")}</button>
                                <p class="jy-hint">${msg("captchaPowExplain")}</p>
                                <p id="captcha-pow-status" class="jy-status" role="status" aria-live="polite"></p>
                            </div>
                            <noscript><p class="jy-hint">${msg("captchaNoScript")}</p></noscript>
                        </div>
                    </#if>
                </form>
            </#if>
          </div>
        </div>
        <script type="module" src="${url.resourcesPath}/js/captcha-pow.js"></script>
    </#if>
</@layout.registrationLayout>
