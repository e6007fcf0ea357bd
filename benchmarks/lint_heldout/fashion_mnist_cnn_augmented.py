#!/usr/bin/env python
# coding: utf-8

# In[1]:


import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.model_selection import train_test_split


# In[2]:


data = pd.read_csv('../input/fashionmnist/fashion-mnist_train.csv')
labels = data['label'].values
images = data.drop('label', axis=1).values.reshape(-1, 28, 28, 1).astype('float32') / 255.0
print(images.shape)


# In[3]:


fig, axes = plt.subplots(2, 5, figsize=(10, 4))
for i, ax in enumerate(axes.flat):
    ax.imshow(images[i].squeeze(), cmap='gray')
    ax.set_title(labels[i])
    ax.axis('off')


# In[4]:


# more data: horizontal flips and small shifts
flipped = images[:, :, ::-1, :]
shifted = np.roll(images, 2, axis=1)
images_aug = np.concatenate([images, flipped, shifted])
labels_aug = np.concatenate([labels, labels, labels])
print(images_aug.shape, labels_aug.shape)


# In[5]:


X_train, X_test, y_train, y_test = train_test_split(images_aug, labels_aug, test_size=0.2, random_state=1)
y_train_oh = keras.utils.to_categorical(y_train, 10)
y_test_oh = keras.utils.to_categorical(y_test, 10)


# In[6]:


model = keras.Sequential([
    layers.Conv2D(32, 3, activation='relu', input_shape=(28, 28, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation='relu'),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dropout(0.3),
    layers.Dense(128, activation='relu'),
    layers.Dense(10, activation='softmax'),
])
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
model.summary()


# In[7]:


history = model.fit(X_train, y_train_oh, epochs=10, batch_size=128, validation_split=0.1)


# In[8]:


loss, acc = model.evaluate(X_test, y_test_oh)
print('Test accuracy: %.4f' % acc)


# In[9]:


plt.plot(history.history['accuracy'])
plt.plot(history.history['val_accuracy'])
plt.legend(['train', 'val'])
