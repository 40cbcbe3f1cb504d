package org.amp4j.buildbot;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker says about itself in answer to {@code get_worker_info} (buildbot-msgpack.md §6.1).
 * Immutable.
 *
 * @param basedir the worker's base directory, absolute
 * @param system {@code posix} or {@code nt}: which path rules apply
 * @param numcpus the number of CPUs, 0 if not reported
 * @param version the worker's version text, such as {@code 3.7.0-2} (not always PEP 440)
 * @param workerCommands the commands the worker knows, name to version (such as {@code shell} to
 *     {@code 3.1})
 * @param environ the worker process's environment
 * @param infoFiles the files of the worker's {@code info/} directory, name to contents (such as
 *     {@code admin} and {@code host})
 * @param os the fields of the worker's {@code /etc/os-release}, without their {@code os_} prefix
 *     (such as {@code id} to {@code debian})
 * @param deleteLeftoverDirs whether the worker asks the master to delete builder directories it no
 *     longer uses (sent as 0/1 or as a boolean)
 */
public record WorkerInfo(
    String basedir,
    String system,
    int numcpus,
    String version,
    Map<String, String> workerCommands,
    Map<String, String> environ,
    Map<String, String> infoFiles,
    Map<String, String> os,
    boolean deleteLeftoverDirs) {

  /** Validates and copies the parts. */
  public WorkerInfo {
    Objects.requireNonNull(basedir, "basedir");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(version, "version");
    workerCommands = Map.copyOf(workerCommands);
    environ = Map.copyOf(environ);
    infoFiles = Map.copyOf(infoFiles);
    os = Map.copyOf(os);
  }

  /** Whether the worker runs on Windows ({@code system} is {@code nt}). */
  public boolean isWindows() {
    return "nt".equals(system);
  }

  /** The contents of {@code info/admin}, if the worker has one. */
  public Optional<String> admin() {
    return Optional.ofNullable(infoFiles.get("admin"));
  }

  /** The contents of {@code info/host}, if the worker has one. */
  public Optional<String> host() {
    return Optional.ofNullable(infoFiles.get("host"));
  }

  /**
   * A path on the worker made absolute: returned as is if already absolute, else joined to {@link
   * #basedir()} by the rules of the worker's system (POSIX, or Windows for {@code nt}). Nothing is
   * normalised.
   *
   * <pre>{@code
   * info.resolve("build")        // "/home/bb/worker/build", or "C:\bb\worker\build"
   * info.resolve("/tmp/x")       // "/tmp/x"
   * }</pre>
   */
  public String resolve(String path) {
    return WorkerPaths.resolve(isWindows(), basedir, Objects.requireNonNull(path, "path"));
  }
}
