package org.amp4j.examples;

import java.util.List;
import java.util.UUID;
import org.amp4j.AmpCommand;
import org.amp4j.Command;

/**
 * Moves a piece along a path: a command whose arguments use both example types, {@link UUID} and
 * {@link Point}, alone and in a list. Its definition needs a type registry that knows them, such as
 * {@link org.amp4j.value.TypeRegistry#discovered()} with this module on the class path.
 *
 * @param id the piece
 * @param from where the piece is
 * @param path the points it passes, in order; the last is where it ends
 */
@AmpCommand(name = "Move")
public record Move(UUID id, Point from, List<Point> path) implements Command<Move.Moved> {

  /**
   * The answer to {@link Move}.
   *
   * @param id the piece
   * @param at where the piece is now
   * @param steps how many points it passed
   */
  public record Moved(UUID id, Point at, int steps) {}
}
