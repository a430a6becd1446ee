/**
 * What every page shares: the error mapping ({@link cn.gov.jieyang.talent.portal.web.PortalProblem}),
 * the language choice and the page layout (templates/fragments/layout.html).
 */
package cn.gov.jieyang.talent.portal.web;
