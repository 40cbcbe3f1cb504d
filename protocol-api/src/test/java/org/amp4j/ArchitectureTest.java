package org.amp4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses api =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.amp4j");

  @Test
  void protocolApi_importsNoNettyJacksonOrMsgpack() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.netty..", "com.fasterxml.jackson..", "org.msgpack..")
        .because("protocol-api is transport- and codec-neutral")
        .check(api);
  }

  @Test
  void protocolApi_classesWereImported() {
    org.assertj.core.api.Assertions.assertThat(api.contain(Peer.class)).isTrue();
  }
}
