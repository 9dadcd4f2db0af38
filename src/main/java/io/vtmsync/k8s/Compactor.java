package io.vtmsync.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Drops the empty lists and maps that fabric8's model objects allocate in their constructors (every
 * ObjectMeta, PodSpec or Container makes a dozen, whether the JSON had them or not): on a trimmed
 * Pod they weigh more than the fields kept. Uses each model class's public getter and setter pairs;
 * a null list reads as absent everywhere the planner looks.
 */
final class Compactor {

  private static final String MODEL = "io.fabric8.kubernetes.api.model";

  private record Property(Method getter, Method setter) {}

  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          return properties(type);
        }
      };

  private Compactor() {}

  /** Nulls every empty list or map of {@code model} and of the model objects it holds. */
  static <T> T compact(T model) {
    if (model == null || !model.getClass().getName().startsWith(MODEL)) {
      return model;
    }
    for (Property p : PROPERTIES.get(model.getClass())) {
      try {
        Object value = p.getter.invoke(model);
        if (value instanceof Collection<?> c) {
          if (c.isEmpty()) {
            p.setter.invoke(model, (Object) null);
          } else {
            c.forEach(Compactor::compact);
          }
        } else if (value instanceof Map<?, ?> m) {
          if (m.isEmpty()) {
            p.setter.invoke(model, (Object) null);
          }
        } else {
          compact(value);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot compact " + p.getter, e);
      }
    }
    return model;
  }

  private static List<Property> properties(Class<?> type) {
    List<Property> out = new ArrayList<>();
    for (Method getter : type.getMethods()) {
      String name = getter.getName();
      if (!name.startsWith("get")
          || getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Method setter = type.getMethod("set" + name.substring(3), getter.getReturnType());
        out.add(new Property(getter, setter));
      } catch (NoSuchMethodException e) {
        // read-only property: nothing to drop
      }
    }
    return List.copyOf(out);
  }
}
