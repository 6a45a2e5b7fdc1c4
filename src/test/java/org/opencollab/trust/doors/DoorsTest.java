package org.opencollab.trust.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.junit.jupiter.api.Test;

/** A command meets the door of its own type or of its nearest superclass; no door is shadowed. */
class DoorsTest {

  @Test
  void aCommandMeetsTheDoorOfItsNearestType() {
    Doors doors =
        new Doors(
            List.of(
                refusing("property", AbstractSetTaskPropertyCmd.class),
                refusing("link", AbstractAddIdentityLinkCmd.class),
                refusing("assign", AssignTaskCmd.class)));

    assertThatThrownBy(() -> doors.guard(new AssignTaskCmd("task", "sam"), null))
        .hasMessage("assign");
    assertThatThrownBy(() -> doors.guard(new SetTaskOwnerCmd("task", "sam"), null))
        .hasMessage("link");
  }

  @Test
  void aCommandNoDoorNamesPassesAsItCame() {
    Doors doors = new Doors(List.of(refusing("assign", AssignTaskCmd.class)));
    ClaimTaskCmd claim = new ClaimTaskCmd("task", "sam");

    assertThat(doors.guard(claim, null)).isSameAs(claim);
    assertThat(doors.enter(claim, null).retried()).isFalse();
  }

  @Test
  void twoDoorsForOneCommandAreRefused() {
    assertThatThrownBy(
            () ->
                new Doors(
                    List.of(
                        refusing("one", ClaimTaskCmd.class), refusing("two", ClaimTaskCmd.class))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ClaimTaskCmd.class.getName() + " has two doors");
  }

  private static Door<Object> refusing(String name, Class<?> command) {
    return new Door<>() {
      @Override
      public List<Class<?>> commands() {
        return List.of(command);
      }

      @Override
      public Check guard(Object sent, Caller caller) {
        throw new IllegalArgumentException(name);
      }
    };
  }
}
