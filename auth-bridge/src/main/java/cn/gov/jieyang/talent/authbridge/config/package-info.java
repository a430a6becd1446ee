/**
 * Start-up checks of the bridge's configuration: no secret has a default outside the {@code dev} profile,
 * and a missing one stops the start with the names of every missing variable.
 */
package cn.gov.jieyang.talent.authbridge.config;
