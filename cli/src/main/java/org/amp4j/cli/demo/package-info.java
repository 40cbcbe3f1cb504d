/**
 * {@code amp4j demo}: a master/worker build in one process, over loopback TCP in amp4j sessions.
 *
 * <p>The public parts are what other front ends can reuse: {@link org.amp4j.cli.demo.BuildPlan} and
 * {@link org.amp4j.cli.demo.BuildStep} (the steps, also meant for a real build worker), {@link
 * org.amp4j.cli.demo.LineLedger} (the master's account of log lines) and {@link
 * org.amp4j.cli.demo.BuildDemo} (the whole run). The master, the simulated workers, their commands,
 * the relay that cuts a connection and the progress displays are package-private.
 */
package org.amp4j.cli.demo;
