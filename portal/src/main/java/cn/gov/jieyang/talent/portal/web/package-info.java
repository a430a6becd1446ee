/**
 * What every page shares: the error mapping ({@link cn.gov.jieyang.talent.portal.web.PortalProblem}),
 * the language choice, the page layout (templates/fragments/layout.html) and the one time zone
 * ({@link cn.gov.jieyang.talent.portal.web.ChinaTime}).
 */
package cn.gov.jieyang.talent.portal.web;
