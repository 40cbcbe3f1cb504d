/**
 * {@code amp4j demo}: a master/worker build in one process, over loopback TCP in amp4j sessions;
 * with {@code --buildbot}, the same steps on real Buildbot workers.
 *
 * <p>The public parts are what other front ends can reuse: {@link org.amp4j.cli.demo.BuildPlan} and
 * {@link org.amp4j.cli.demo.BuildStep} (the steps, also meant for a real build worker), {@link
 * org.amp4j.cli.demo.StepLines} (numbered log lines, as a real worker writes them), {@link
 * org.amp4j.cli.demo.LineLedger} (the master's account of log lines), {@link
 * org.amp4j.cli.demo.BuildDemo} (the whole simulated run) and {@link
 * org.amp4j.cli.demo.BuildbotBuild} (the whole run on Buildbot workers). The master, the simulated
 * workers, their commands, the relay that cuts a connection, the Buildbot worker processes and the
 * progress displays are package-private.
 */
package org.amp4j.cli.demo;
