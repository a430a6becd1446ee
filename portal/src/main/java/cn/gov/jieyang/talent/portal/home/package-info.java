/**
 * The portal's home page after login: who you are (with your real-name record) and where to go next.
 */
package cn.gov.jieyang.talent.portal.home;
